from .forum import Category, Post, PostFlag, Reaction, TaggedThread, Thread, ThreadRead, Watch

__all__ = [
    "Category",
    "Post",
    "PostFlag",
    "Reaction",
    "TaggedThread",
    "Thread",
    "ThreadRead",
    "Watch",
]
