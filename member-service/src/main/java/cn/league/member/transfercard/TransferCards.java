package cn.league.member.transfercard;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

import cn.league.contracts.member.TransferCard;
import cn.league.contracts.member.TransferCard.Admin;
import cn.league.contracts.member.TransferCard.Contact;
import cn.league.contracts.member.TransferCard.EmergencyContact;
import cn.league.contracts.member.TransferCard.Org;

/**
 * R-TR-13: the member's card for a transfer's approvers, read in one transaction: the person, their branch from
 * the org tree replica, and the branch's admins (or, where it has none, its direct parent's) with their contacts.
 */
@Repository
class TransferCards {

    private record Holder(TransferCard card, Long parentId) {
    }

    private final JdbcClient jdbc;

    TransferCards(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Empty for an ID number the system does not hold, or a deleted person. */
    @Transactional(readOnly = true)
    public Optional<TransferCard> of(String idNumber) {
        return jdbc.sql("""
                        select p.id_number, p.name, p.gender, p.birth_date, p.ethnicity, p.political_status,
                               p.education, p.join_date, p.development_number, p.mobile, p.email, p.address,
                               p.emergency_contact, p.emergency_phone, o.id as org_id, o.full_name, o.parent_id
                          from person p
                          left join membership m on m.id_number = p.id_number
                          left join org_replica.org o on o.id = m.branch_id
                         where p.id_number = ? and p.deleted_at is null""")
                .param(idNumber.strip().toUpperCase(Locale.ROOT))
                .query(TransferCards::holder).optional()
                .map(this::withAdmins);
    }

    private TransferCard withAdmins(Holder holder) {
        TransferCard card = holder.card();
        if (card.currentOrg() == null) {
            return card;
        }
        List<Admin> admins = adminsOf(card.currentOrg().id());
        if (admins.isEmpty() && holder.parentId() != null) {
            admins = adminsOf(holder.parentId());
        }
        return new TransferCard(card.idNumber(), card.name(), card.gender(), card.birthDate(), card.ethnicity(),
                card.politicalStatus(), card.education(), card.joinDate(), card.developmentNumber(), card.contact(),
                card.currentOrg(), admins, card.emergencyContact());
    }

    /** The org's admins known here as people (R-ADM-2: an admin is a cadre of the org), with their posts there. */
    private List<Admin> adminsOf(long orgId) {
        return jdbc.sql("""
                        select p.name, p.mobile, p.email, o.id, o.full_name,
                               array(select t.title from post t
                                      where t.id_number = a.id_number and t.org_id = a.org_id order by t.title) as titles
                          from org_replica.org_admin a
                          join org_replica.org o on o.id = a.org_id
                          join person p on p.id_number = a.id_number and p.deleted_at is null
                         where a.org_id = ?
                         order by a.id_number""")
                .param(orgId)
                .query((row, n) -> new Admin(row.getString("name"), titles(row.getArray("titles")),
                        row.getString("mobile"), row.getString("email"),
                        new Org(row.getLong("id"), row.getString("full_name"))))
                .list();
    }

    private static List<String> titles(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }

    private static Holder holder(ResultSet row, int n) throws SQLException {
        Long orgId = row.getObject("org_id", Long.class);
        TransferCard card = new TransferCard(row.getString("id_number"), row.getString("name"),
                row.getString("gender"), row.getObject("birth_date", LocalDate.class), row.getString("ethnicity"),
                row.getString("political_status"), row.getString("education"),
                row.getObject("join_date", LocalDate.class), row.getString("development_number"),
                new Contact(row.getString("mobile"), row.getString("email"), row.getString("address")),
                orgId == null ? null : new Org(orgId, row.getString("full_name")), List.of(),
                new EmergencyContact(row.getString("emergency_contact"), row.getString("emergency_phone")));
        return new Holder(card, row.getObject("parent_id", Long.class));
    }
}
