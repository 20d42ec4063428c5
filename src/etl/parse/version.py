"""Parser version: bump when parsing rules change, so stored articles get re-parsed."""

PARSER_VERSION = "9"
