from .forum import Category, Post, Reaction, TaggedThread, Thread, ThreadRead, Watch

__all__ = [
    "Category",
    "Post",
    "Reaction",
    "TaggedThread",
    "Thread",
    "ThreadRead",
    "Watch",
]
