"""The ids of the five seed articles (examples/seeds), named by what each reports: 000 and
002 tell Putin's letter, 001, 003 and 004 the phone call."""

LETTER_000, CALL_001, LETTER_002, CALL_003, CALL_004 = (
    "000_a07f516d440c7618",
    "001_a72c5b70b15c2776",
    "002_408b543a26764ddd",
    "003_7e57f8d70e9d2bf3",
    "004_c80ef43e0c326550",
)
