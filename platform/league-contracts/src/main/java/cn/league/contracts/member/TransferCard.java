package cn.league.contracts.member;

import java.time.LocalDate;
import java.util.List;

/**
 * What an approver of a transfer reads about the member (R-TR-13, FAQ 68): basic info, contact, current org,
 * that org's admins' contacts and the emergency contact. member-service answers it at {@link #PATH} to other
 * services only (realm role {@code league-transfer-cards}, transfer-service's); transfer-service shows it on its approver view.
 *
 * @param currentOrg the branch holding the membership, or null when the person has none
 * @param orgAdmins  the admins of {@code currentOrg}; where it has none, those of its direct parent, who act for
 *                   it (FAQ 22)
 */
public record TransferCard(String idNumber, String name, String gender, LocalDate birthDate, String ethnicity,
                           String politicalStatus, String education, LocalDate joinDate, String developmentNumber,
                           Contact contact, Org currentOrg, List<Admin> orgAdmins, EmergencyContact emergencyContact) {

    public static final String PATH = "/internal/members/{idNumber}/transfer-card";

    public record Contact(String mobile, String email, String address) {
    }

    public record Org(long id, String fullName) {
    }

    /** An admin of {@code org}, with their cadre posts there (书记, …) and how to reach them. */
    public record Admin(String name, List<String> titles, String mobile, String email, Org org) {
    }

    public record EmergencyContact(String name, String phone) {
    }
}
