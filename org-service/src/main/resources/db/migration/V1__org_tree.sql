-- The league's organisation tree (R-ORG-1): one row per org, with a materialised path of ids from the
-- root so that any subtree is one indexed query (path <@ ancestor) and a migration rewrites one subtree
-- in one statement (R-ORG-7).
create extension if not exists ltree;

create sequence org_id_seq start with 1000;

create table org (
    id                  bigint primary key default nextval('org_id_seq'),
    parent_id           bigint references org (id),
    path                ltree       not null,
    type                text        not null check (type in ('LEADING_BODY', 'COMMITTEE', 'WORK_COMMITTEE',
                                        'GENERAL_BRANCH', 'BRANCH', 'PENDING_BRANCH', 'GRADUATE_BRANCH')),
    branch_kind         text check (branch_kind in ('SCHOOL_TO_SOCIETY_TEMPORARY', 'FLOATING')),
    domain              text        not null,
    school_level        text,
    full_name           text        not null,
    short_name          text        not null,
    -- GB/T 2260 code of the provincial-level tree; null for 团中央 and the national system committees
    province_code       text,
    -- the provincial-level org this org sits under (itself for those); null for 团中央 (R-TR-10)
    tree_root_id        bigint,
    contact_person      text,
    contact_phone       text,
    secretary_id_number text,
    secretary_name      text,
    baseline_2017       integer check (baseline_2017 >= 0),
    school_code         text,
    graduation_year     integer,
    -- R-ORG-4: the org's own admin may change the category once, when first verifying the info
    category_confirmed  boolean     not null default false,
    created_at          timestamptz not null default now(),
    updated_at          timestamptz not null default now()
);

create unique index org_path_unique on org (path);
create index org_path_tree on org using gist (path);
create index org_children on org (parent_id, id);

-- who administers which org (R-ADM-1..8); ID numbers are stored upper-case
create table org_admin (
    org_id     bigint      not null references org (id) on delete cascade,
    id_number  text        not null,
    granted_at timestamptz not null default now(),
    primary key (org_id, id_number)
);
create index org_admin_person on org_admin (id_number);

-- 团中央, the provincial-level committees, 兵团 and the national system committees (R-TR-10): each its own tree
insert into org (id, parent_id, path, type, domain, full_name, short_name, province_code, tree_root_id) values
    (1, null, '1', 'LEADING_BODY', 'PARTY_AND_GOVERNMENT', '中国共产主义青年团中央委员会', '团中央', null, null),
    (2, 1, '1.2', 'LEADING_BODY', 'PARTY_AND_GOVERNMENT', '团北京市委', '北京团市委', '11', 2),
    (3, 1, '1.3', 'LEADING_BODY', 'PARTY_AND_GOVERNMENT', '团天津市委', '天津团市委', '12', 3),
    (4, 1, '1.4', 'LEADING_BODY', 'PARTY_AND_GOVERNMENT', '团河北省委', '河北团省委', '13', 4),
    (5, 1, '1.5', 'LEADING_BODY', 'PARTY_AND_GOVERNMENT', '团山西省委', '山西团省委', '14', 5),
    (6, 1, '1.6', 'LEADING_BODY', 'PARTY_AND_GOVERNMENT', '团内蒙古自治区委', '内蒙古团区委', '15', 6),
    (7, 1, '1.7', 'LEADING_BODY', 'PARTY_AND_GOVERNMENT', '团辽宁省委', '辽宁团省委', '21', 7),
    (8, 1, '1.8', 'LEADING_BODY', 'PARTY_AND_GOVERNMENT', '团吉林省委', '吉林团省委', '22', 8),
    (9, 1, '1.9', 'LEADING_BODY', 'PARTY_AND_GOVERNMENT', '团黑龙江省委', '黑龙江团省委', '23', 9),
    (10, 1, '1.10', 'LEADING_BODY', 'PARTY_AND_GOVERNMENT', '团上海市委', '上海团市委', '31', 10),
    (11, 1, '1.11', 'LEADING_BODY', 'PARTY_AND_GOVERNMENT', '团江苏省委', '江苏团省委', '32', 11),
    (12, 1, '1.12', 'LEADING_BODY', 'PARTY_AND_GOVERNMENT', '团浙江省委', '浙江团省委', '33', 12),
    (13, 1, '1.13', 'LEADING_BODY', 'PARTY_AND_GOVERNMENT', '团安徽省委', '安徽团省委', '34', 13),
    (14, 1, '1.14', 'LEADING_BODY', 'PARTY_AND_GOVERNMENT', '团福建省委', '福建团省委', '35', 14),
    (15, 1, '1.15', 'LEADING_BODY', 'PARTY_AND_GOVERNMENT', '团江西省委', '江西团省委', '36', 15),
    (16, 1, '1.16', 'LEADING_BODY', 'PARTY_AND_GOVERNMENT', '团山东省委', '山东团省委', '37', 16),
    (17, 1, '1.17', 'LEADING_BODY', 'PARTY_AND_GOVERNMENT', '团河南省委', '河南团省委', '41', 17),
    (18, 1, '1.18', 'LEADING_BODY', 'PARTY_AND_GOVERNMENT', '团湖北省委', '湖北团省委', '42', 18),
    (19, 1, '1.19', 'LEADING_BODY', 'PARTY_AND_GOVERNMENT', '团湖南省委', '湖南团省委', '43', 19),
    (20, 1, '1.20', 'LEADING_BODY', 'PARTY_AND_GOVERNMENT', '团广东省委', '广东团省委', '44', 20),
    (21, 1, '1.21', 'LEADING_BODY', 'PARTY_AND_GOVERNMENT', '团广西壮族自治区委', '广西团区委', '45', 21),
    (22, 1, '1.22', 'LEADING_BODY', 'PARTY_AND_GOVERNMENT', '团海南省委', '海南团省委', '46', 22),
    (23, 1, '1.23', 'LEADING_BODY', 'PARTY_AND_GOVERNMENT', '团重庆市委', '重庆团市委', '50', 23),
    (24, 1, '1.24', 'LEADING_BODY', 'PARTY_AND_GOVERNMENT', '团四川省委', '四川团省委', '51', 24),
    (25, 1, '1.25', 'LEADING_BODY', 'PARTY_AND_GOVERNMENT', '团贵州省委', '贵州团省委', '52', 25),
    (26, 1, '1.26', 'LEADING_BODY', 'PARTY_AND_GOVERNMENT', '团云南省委', '云南团省委', '53', 26),
    (27, 1, '1.27', 'LEADING_BODY', 'PARTY_AND_GOVERNMENT', '团西藏自治区委', '西藏团区委', '54', 27),
    (28, 1, '1.28', 'LEADING_BODY', 'PARTY_AND_GOVERNMENT', '团陕西省委', '陕西团省委', '61', 28),
    (29, 1, '1.29', 'LEADING_BODY', 'PARTY_AND_GOVERNMENT', '团甘肃省委', '甘肃团省委', '62', 29),
    (30, 1, '1.30', 'LEADING_BODY', 'PARTY_AND_GOVERNMENT', '团青海省委', '青海团省委', '63', 30),
    (31, 1, '1.31', 'LEADING_BODY', 'PARTY_AND_GOVERNMENT', '团宁夏回族自治区委', '宁夏团区委', '64', 31),
    (32, 1, '1.32', 'LEADING_BODY', 'PARTY_AND_GOVERNMENT', '团新疆维吾尔自治区委', '新疆团区委', '65', 32),
    (33, 1, '1.33', 'LEADING_BODY', 'PARTY_AND_GOVERNMENT', '新疆生产建设兵团团委', '兵团团委', '66', 33),
    (34, 1, '1.34', 'LEADING_BODY', 'PARTY_AND_GOVERNMENT', '全国铁道团委', '铁道团委', null, 34),
    (35, 1, '1.35', 'LEADING_BODY', 'PARTY_AND_GOVERNMENT', '全国民航团委', '民航团委', null, 35),
    (36, 1, '1.36', 'LEADING_BODY', 'PARTY_AND_GOVERNMENT', '中央金融团工委', '金融团工委', null, 36),
    (37, 1, '1.37', 'LEADING_BODY', 'PARTY_AND_GOVERNMENT', '中央企业团工委', '企业团工委', null, 37),
    (38, 1, '1.38', 'LEADING_BODY', 'PARTY_AND_GOVERNMENT', '中央和国家机关团工委', '中央和国家机关团工委', null, 38);

-- whether the seeded orgs above have been announced on league.org.events
create table seed_announcement (
    id        integer primary key check (id = 1),
    announced boolean not null
);
insert into seed_announcement values (1, false);
