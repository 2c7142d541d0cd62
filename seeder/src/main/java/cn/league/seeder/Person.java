package cn.league.seeder;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

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

    /** The person as a row of member-service's bulk path ({@code POST /api/members/bulk}), entered into the org. */
    public Map<String, Object> bulkRow(int rowNumber, long orgId) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("idNumber", idNumber);
        fields.put("name", name);
        fields.put("ethnicity", ethnicity);
        fields.put("politicalStatus", politicalStatus);
        fields.put("education", education);
        fields.put("joinDate", joinDate == null ? null : joinDate.toString());
        fields.put("developmentNumber", developmentNumber);
        fields.put("mobile", mobile);
        fields.put("postTitle", postTitle);
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("rowNumber", rowNumber);
        row.put("kind", cadre() ? "CADRE" : "MEMBER");
        row.put("orgId", orgId);
        row.put("person", fields);
        return row;
    }
}
