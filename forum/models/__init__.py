from .forum import Category, Post, Reaction, TaggedThread, Thread, ThreadRead, Watch
from .habits import Bookmark, Draft
from .messages import Conversation, Message, Participant

__all__ = [
    "Bookmark",
    "Category",
    "Conversation",
    "Draft",
    "Message",
    "Participant",
    "Post",
    "Reaction",
    "TaggedThread",
    "Thread",
    "ThreadRead",
    "Watch",
]
