"""Numbers: coordinates that satisfy the constructions, and checks of predicates on them."""
