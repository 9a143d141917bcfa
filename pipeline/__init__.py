"""chitieu's pipeline: read → normalize → segment → extract → assemble → write.

The one-call API is :func:`chitieu.extract`; the stages live in the modules named by
what they do (``read``, ``normalize``, ``segment``, ``assemble``, ``write``, ``run``).
"""

__version__ = "0.1.0"
