"""Biomechanics: a static sagittal L5/S1 model and the revised NIOSH lifting equation."""
