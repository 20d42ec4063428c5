"""News-to-facts briefing pipeline."""
