package cn.league.member.entry;

/** What a person is entered as: an ordinary member (团员) or a cadre (团干部) holding a post. */
public enum EntryRole {
    MEMBER,
    CADRE
}
