package cn.league.org.info;

import java.util.Objects;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.league.contracts.Topics;
import cn.league.contracts.org.OrgEvents.AdminRevoked;
import cn.league.contracts.org.OrgEvents.OrgChanged;
import cn.league.contracts.org.OrgEvents.SecretaryAppointed;
import cn.league.org.scope.Scope;
import cn.league.org.tree.Org;
import cn.league.org.tree.OrgStore;
import cn.league.org.tree.OrgTree;
import cn.league.support.outbox.Outbox;

/**
 * R-ORG-6: the secretary entered in org info is a new person or someone already in the system (also
 * secretary elsewhere). Changing secretary (FAQ 36): the old one loses admin rights here, their 书记
 * post here ends, then the new one holds it. member-service makes the account of a new person and
 * keeps the posts, from {@link SecretaryAppointed}.
 */
@Service
public class SecretaryAppointment {

    static final String SECRETARY = "书记";

    private final OrgStore store;
    private final Scope scope;
    private final JdbcClient jdbc;
    private final Outbox outbox;

    public SecretaryAppointment(OrgStore store, Scope scope, JdbcClient jdbc, Outbox outbox) {
        this.store = store;
        this.scope = scope;
        this.jdbc = jdbc;
        this.outbox = outbox;
    }

    @Transactional
    public Org appoint(String caller, long orgId, SecretaryChange change) {
        Org org = store.lock(orgId).orElseThrow(OrgTree::notFound);
        OrgInfoRule.checkEditor(OrgInfoEditing.editorOf(scope, caller, orgId));
        String newSecretary = Scope.normalised(change.idNumber());
        String previous = org.secretaryIdNumber();
        if (previous != null && !previous.equals(newSecretary)) {
            endSecretaryship(org, previous);
        }
        jdbc.sql("insert into org_post (org_id, id_number, title) values (?, ?, ?) on conflict do nothing")
                .params(orgId, newSecretary, SECRETARY).update();
        Org saved = org.withSecretary(newSecretary, change.name().strip());
        store.update(saved);
        outbox.publish(Topics.ORG_EVENTS, new SecretaryAppointed(orgId, newSecretary, change.name().strip(),
                Objects.equals(previous, newSecretary) ? null : previous), saved.eventKey(), saved.path());
        outbox.publish(Topics.ORG_EVENTS, new OrgChanged(saved.snapshot()), saved.eventKey(), saved.path());
        return saved;
    }

    private void endSecretaryship(Org org, String previous) {
        int revoked = jdbc.sql("delete from org_admin where org_id = ? and id_number = ?")
                .params(org.id(), previous).update();
        if (revoked > 0) {
            outbox.publish(Topics.ORG_EVENTS, new AdminRevoked(org.id(), previous), org.eventKey(), org.path());
        }
        jdbc.sql("delete from org_post where org_id = ? and id_number = ? and title = ?")
                .params(org.id(), previous, SECRETARY).update();
    }
}
