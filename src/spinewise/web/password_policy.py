"""The password policy of sign-up and password change, the same for the pages and the API.

A password must be 10 to 1,024 characters, not only spaces, and not easy to guess: zxcvbn
(Wheeler 2016; Dropbox's estimator, Python port ``zxcvbn`` 4.5) must rate it at least 2 of 4,
which refuses its lists of common passwords, keyboard runs, repeats and dates (decision 0085).
Only the first 72 characters are rated (zxcvbn's own limit; longer passwords are not weaker
for it).

References
----------
Wheeler DL. zxcvbn: Low-budget password strength estimation. 25th USENIX Security Symposium,
2016: 157-173.
Grassi PA, et al. NIST Special Publication 800-63B: Digital Identity Guidelines,
Authentication and Lifecycle Management, 2017, section 5.1.1.2 (check against commonly used
passwords).
"""

from __future__ import annotations

from zxcvbn import zxcvbn

__all__ = ["MAX_PASSWORD", "MIN_PASSWORD", "MIN_SCORE", "password_problems", "policy_check"]

MIN_PASSWORD = 10
MAX_PASSWORD = 1024
#: The lowest zxcvbn score (0-4) accepted: 2 means "somewhat guessable", ≥ 10^8 guesses.
MIN_SCORE = 2
_RATED_CHARS = 72


def password_problems(password: str, field: str = "password") -> list[str]:
    """What is wrong with a new password (empty when it is acceptable).

    >>> password_problems("12345678")
    ['password: must be at least 10 characters long']
    >>> password_problems("password1234")
    ['password: too easy to guess (This is a very common password.)']
    >>> password_problems("correct horse battery")
    []
    """
    try:
        policy_check(password)
    except ValueError as err:
        return [f"{field}: {err}"]
    return []


def policy_check(password: str) -> str:
    """Return the password when the policy accepts it; else a ``ValueError`` saying why."""
    if len(password) < MIN_PASSWORD:
        raise ValueError(f"must be at least {MIN_PASSWORD} characters long")
    if len(password) > MAX_PASSWORD:
        raise ValueError(f"must be at most {MAX_PASSWORD} characters long")
    if not password.strip():
        raise ValueError("must not be only spaces")
    rating = zxcvbn(password[:_RATED_CHARS])
    if rating["score"] < MIN_SCORE:
        warning = rating["feedback"].get("warning") or "it follows a common pattern"
        raise ValueError(f"too easy to guess ({warning})")
    return password
