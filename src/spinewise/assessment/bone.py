"""Bone health: no exercise that bends the spine forward without a bone-health answer.

People with osteoporosis are advised to avoid movements with a high degree of spinal flexion,
in exercise and daily life (Brooke-Wavell et al. 2022, the UK consensus "Strong, steady and
straight" [1]_ [C2: the abstract as quoted]). spinewise asks whether the person has osteoporosis
or has broken a bone in a small fall (``osteoporosis_or_fragility_fracture``). The finding
``bone_health_flexion`` (mild) leaves out every exercise that loads spinal flexion (curl-ups,
hollow holds, sit-ups...) when:

- the answer is yes (the person has also been referred to a clinician by screening); or
- the person is :data:`OLDER_AGE` or older and the question was not answered (an older profile):
  osteoporosis is common from that age, and the plan stays on the safe side until the answer is
  given. 65 is the age from which guidelines screen women's bone density (for example the US
  Preventive Services Task Force, 2018) [U: not checked against the source].

References
----------
.. [1] Brooke-Wavell K, Skelton DA, Barker KL, et al. (2022). Strong, steady and straight: UK
   consensus statement on physical activity and exercise for osteoporosis. Br J Sports Med
   56(15):837-846. doi:10.1136/bjsports-2021-104634
"""

from __future__ import annotations

from spinewise.assessment.results import Consequence, Finding
from spinewise.profile import Profile

__all__ = ["OLDER_AGE", "bone_health_findings"]

#: Age from which an unanswered bone-health question counts as "not known to be safe" [years].
OLDER_AGE = 65
SOURCE = "Brooke-Wavell et al. 2022, UK consensus on exercise for osteoporosis [C2]"


def bone_health_findings(profile: Profile) -> list[Finding]:
    """The bone-health finding, when the plan should leave out spinal flexion.

    Examples
    --------
    >>> from spinewise.profile import EXAMPLE_MINIMAL, parse_profile
    >>> bone_health_findings(parse_profile(EXAMPLE_MINIMAL))
    []
    """
    answer = profile.screening.osteoporosis_or_fragility_fracture
    age = profile.athlete.age
    if answer is True:
        summary = (
            "You told us you have osteoporosis or have broken a bone in a small fall. People with "
            "thin bones are advised to avoid bending the spine far forward, so the plan leaves out "
            "exercises such as curl-ups and hollow holds, and trains the back extensors instead."
        )
    elif answer is None and age >= OLDER_AGE:
        summary = (
            f"At {age}, the bone-health question (osteoporosis, or a bone broken in a small fall) "
            "has not been answered. Until it is, the plan leaves out exercises that bend the spine "
            "forward, such as curl-ups and hollow holds: answer it to have them considered."
        )
    else:
        return []
    return [
        Finding(
            "bone_health_flexion",
            "mild",
            summary,
            None,
            None,
            SOURCE,
            (
                Consequence(
                    "avoid_sensitivity",
                    sensitivity="flexion",
                    note="no exercise that bends the spine forward (bone health)",
                ),
            ),
        )
    ]
