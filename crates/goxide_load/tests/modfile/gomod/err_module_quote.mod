module "a\qb"
