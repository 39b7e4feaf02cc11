"""Load analytics: session load, acute:chronic ratios, monotony and strain, fitness-fatigue."""
