"""Record shapes: the one source of truth for what crosses module boundaries."""
from models.article import Article, DatePrecision, RejectedInput
from models.claim import Claim, ClaimKind, Hedge
from models.event import ArticleEvent, FactUpdate, NewsEvent
from models.fact import Discrepancy, DiscrepancyMember, Fact
from models.quote import Quote, QuoteKind
from models.run import Run, RunSummary
from models.speaker import Speaker, SpeakerAlias, SpeakerMention
from models.statement import Statement, StatementQuote, TranscriptCheck

__all__ = [
    "Article", "ArticleEvent", "Claim", "ClaimKind", "DatePrecision", "Discrepancy", "DiscrepancyMember",
    "Fact", "FactUpdate", "Hedge", "NewsEvent", "Quote", "QuoteKind", "RejectedInput", "Run", "RunSummary", "Speaker", "SpeakerAlias",
    "SpeakerMention",
    "Statement", "StatementQuote", "TranscriptCheck",
]
