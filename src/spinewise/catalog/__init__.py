"""The exercise catalogue: validated data, queries and similarity.

The catalogue itself is data (``data/exercises/*.toml``); this package reads it, checks it against
the vocabulary (``data/vocabulary.toml``) and answers queries.
"""

from spinewise.catalog.catalog import Catalog, ExerciseFilter, load_catalog
from spinewise.catalog.entities import Dose, Exercise, Posture, tempo_seconds
from spinewise.catalog.similarity import SimilarExercise, SimilarityIndex, similarity_index
from spinewise.catalog.vocabulary import Vocabulary, load_vocabulary

__all__ = [
    "Catalog",
    "Dose",
    "Exercise",
    "ExerciseFilter",
    "Posture",
    "SimilarExercise",
    "SimilarityIndex",
    "Vocabulary",
    "load_catalog",
    "load_vocabulary",
    "similarity_index",
    "tempo_seconds",
]
