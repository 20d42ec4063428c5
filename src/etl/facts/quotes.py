from etl.records import Quote
def extract_quotes(body: str) -> list[Quote]:
    return []
