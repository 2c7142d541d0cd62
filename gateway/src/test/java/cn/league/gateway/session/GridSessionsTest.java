package cn.league.gateway.session;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;

import cn.league.gateway.grid.TwoMembers;

import static org.assertj.core.api.Assertions.assertThat;

/** A browser session written through one gateway replica is the same session on the other. */
class GridSessionsTest {

    static final Duration TIMEOUT = Duration.ofMinutes(30);
    static TwoMembers grid;
    static GridSessions first;
    static GridSessions second;

    @BeforeAll
    static void grid() {
        grid = new TwoMembers(List.of(GridSessions.browserSessions(TIMEOUT)));
        first = new GridSessions(grid.first, TIMEOUT);
        second = new GridSessions(grid.second, TIMEOUT);
    }

    @AfterAll
    static void stop() {
        grid.close();
    }

    @Test
    void aSessionSavedByOneReplicaIsReadByTheOther() {
        GridSession session = first.createSession().block();
        session.setAttribute("SPRING_SECURITY_CONTEXT", new SecurityContextImpl(
                UsernamePasswordAuthenticationToken.authenticated("110105199001014329", null,
                        List.of(new SimpleGrantedAuthority("ROLE_member")))));
        session.setAttribute("league.activeOrg", 42L);
        first.save(session).block();

        GridSession read = second.findById(session.getId()).block();

        assertThat(read).isNotNull();
        assertThat((Long) read.getAttribute("league.activeOrg")).isEqualTo(42L);
        SecurityContextImpl context = read.getAttribute("SPRING_SECURITY_CONTEXT");
        assertThat(context.getAuthentication().getName()).isEqualTo("110105199001014329");
        assertThat(read.getMaxInactiveInterval()).isEqualTo(TIMEOUT);
    }

    @Test
    void twoRequestsAtOnceKeepBothChanges() {
        GridSession created = first.createSession().block();
        created.setAttribute("league.activeOrg", 7L);
        first.save(created).block();

        // one request of the browser on each replica, both loaded before either saved
        GridSession onFirst = first.findById(created.getId()).block();
        GridSession onSecond = second.findById(created.getId()).block();
        onFirst.setAttribute("league.activeOrg", 8L);
        onSecond.setAttribute("other", "x");
        first.save(onFirst).block();
        second.save(onSecond).block();

        GridSession read = first.findById(created.getId()).block();
        assertThat((Long) read.getAttribute("league.activeOrg")).isEqualTo(8L);
        assertThat((String) read.getAttribute("other")).isEqualTo("x");

        onSecond.removeAttribute("league.activeOrg");
        second.save(onSecond).block();
        assertThat(first.findById(created.getId()).block().getAttributeNames()).containsExactly("other");
    }

    @Test
    void aNewIdAfterLoginMovesTheSessionAndTheOldIdIsGone() {
        GridSession created = first.createSession().block();
        created.setAttribute("step", "before login");
        first.save(created).block();

        GridSession loggingIn = second.findById(created.getId()).block();
        String newId = loggingIn.changeSessionId();
        loggingIn.setAttribute("step", "logged in");
        second.save(loggingIn).block();

        assertThat(newId).isNotEqualTo(created.getId());
        assertThat(first.findById(created.getId()).blockOptional()).isEmpty();
        assertThat((String) first.findById(newId).block().getAttribute("step")).isEqualTo("logged in");
    }

    @Test
    void aDeletedSessionStaysDeletedWhenAnOlderRequestSavesIt() {
        GridSession created = first.createSession().block();
        first.save(created).block();
        GridSession late = second.findById(created.getId()).block();

        first.deleteById(created.getId()).block();
        late.setAttribute("league.activeOrg", 9L);
        second.save(late).block();

        assertThat(second.findById(created.getId()).blockOptional()).as("logged out").isEmpty();
    }

    @Test
    void sessionsOutliveTheReplicaThatMadeThem() {
        try (TwoMembers own = new TwoMembers(List.of(GridSessions.browserSessions(TIMEOUT)))) {
            GridSessions onFirst = new GridSessions(own.first, TIMEOUT);
            List<String> ids = new java.util.ArrayList<>();
            for (int i = 0; i < 30; i++) {
                GridSession session = onFirst.createSession().block();
                session.setAttribute("n", i);
                onFirst.save(session).block();
                ids.add(session.getId());
            }
            own.first.getLifecycleService().terminate(); // as kill -9: the backups on the second member take over

            GridSessions onSecond = new GridSessions(own.second, TIMEOUT);
            for (int i = 0; i < ids.size(); i++) {
                assertThat((Integer) onSecond.findById(ids.get(i)).block().getAttribute("n")).isEqualTo(i);
            }
        }
    }
}
