-- 组织关系转接历史 of an org (R-TR-14): the transfers out of its subtree and into it, found by path prefix
create index transfer_from_path on transfer (from_path text_pattern_ops);
create index transfer_target_path on transfer (target_path text_pattern_ops);
