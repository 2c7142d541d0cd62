package cn.league.seeder;

import java.time.LocalDate;

/**
 * A generated person as the member bulk path takes them: a member of a branch, or a cadre with a post in an org.
 *
 * @param postTitle the post of a cadre; null for a member
 * @param mobile    null for some, whose info is then incomplete (R-MEM-6), as in real data
 */
public record Person(String idNumber, String name, String ethnicity, String politicalStatus, String education,
                     LocalDate joinDate, String developmentNumber, String mobile, String postTitle) {

    public boolean cadre() {
        return postTitle != null;
    }
}
