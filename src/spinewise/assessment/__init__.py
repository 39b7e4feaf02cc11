"""Assessment: red-flag screening, the torso-endurance battery, balance and pain, as findings."""
