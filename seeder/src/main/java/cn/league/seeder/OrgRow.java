package cn.league.seeder;

/**
 * One org of a bulk request: under an existing org ({@code parentId}) or an earlier row ({@code parentRow}), with the
 * people the seeder puts into it once it exists.
 *
 * @param members how many members the branch gets (0 for bodies)
 * @param band    who they are
 * @param cadres  how many cadres get a post in it
 * @param graduationYear the year a school class branch graduates, which its school marks (R-GRAD-1); null for
 *                       every other org
 */
public record OrgRow(Long parentId, Integer parentRow, String type, String branchKind, String domain,
                     String schoolLevel, String fullName, String shortName, int members, AgeBand band, int cadres,
                     Integer graduationYear) {

    public OrgRow under(long parent) {
        return new OrgRow(parent, null, type, branchKind, domain, schoolLevel, fullName, shortName, members, band,
                cadres, graduationYear);
    }

    public boolean branch() {
        return type.equals("BRANCH");
    }
}
