package cn.league.seeder;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Which orgs of one request's worth of the tree (a city's own orgs or a county) its seeding login administers. The
 * seeding login of a request is the first cadre of its row 0 (the 团市委's or 团县委's 书记, entered with the people);
 * it becomes admin of row 0 with a code from the admin of the org above (R-ADM-3), then, with codes it issues itself
 * from there down, of the orgs whose admins act in the request: the topmost school body (a university's or a
 * school's 团委) above each class with a graduation year, which marks it (R-GRAD-1), and the direct parent of each
 * mover's branch, which starts the transfer (R-TR-3).
 * <p>
 * So a login holds a post in at most one request's schools and movers' orgs (a county's ~10 schools and a few more),
 * however many requests the country has: member-service announces all of a person's posts at each change
 * (PostsChanged), which costs the square of the posts a login holds — bounded per login, linear in the country.
 */
final class UnitAdmins {

    private UnitAdmins() {
    }

    /**
     * The rows whose admin the request's login becomes, parents before children, row 0 first: the schools that mark
     * their classes, the out-sides and every org between them and row 0 (each code comes from the admin of the org's
     * direct parent).
     *
     * @param outSides the rows whose branches' members move out
     */
    static List<Integer> rows(List<OrgRow> rows, Set<Integer> outSides) {
        boolean[] needed = new boolean[rows.size()];
        needed[0] = true;
        for (int i = 0; i < rows.size(); i++) {
            Integer from = null;
            if (outSides.contains(i)) {
                from = i;
            } else if (rows.get(i).branch() && rows.get(i).graduationYear() != null) {
                from = school(rows, i);
            }
            for (Integer up = from; up != null && !needed[up]; up = rows.get(up).parentRow()) {
                needed[up] = true;
            }
        }
        List<Integer> administered = new ArrayList<>();
        for (int i = 0; i < needed.length; i++) {
            if (needed[i]) {
                administered.add(i); // rows come parents first
            }
        }
        return administered;
    }

    /** The topmost school 团委 / 团工委 / 团总支 above a class: the university's, or the school's. */
    static int school(List<OrgRow> rows, int classRow) {
        int school = rows.get(classRow).parentRow();
        for (Integer up = rows.get(school).parentRow(); up != null && rows.get(up).domain().equals("SCHOOL");
             up = rows.get(up).parentRow()) {
            school = up;
        }
        return school;
    }
}
