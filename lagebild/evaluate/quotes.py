"""placeholder, being written"""
def split_ids(ids, split):
    ids = sorted(set(ids))
    held = {x for i, x in enumerate(ids) if i % 5 == 4}
    if split == "heldout":
        return held
    if split == "dev":
        return set(ids) - held
    return set(ids)
