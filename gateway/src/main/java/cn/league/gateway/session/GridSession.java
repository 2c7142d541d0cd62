package cn.league.gateway.session;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import org.springframework.session.MapSession;
import org.springframework.session.Session;
import org.springframework.session.UuidSessionIdGenerator;

/**
 * A browser session as one request sees it: the grid's copy when the request began, plus what the request changed.
 * Only the changes go back ({@link GridSessions#save}), so two requests of one browser at once (the console loads
 * several things together) do not undo each other's attributes.
 */
final class GridSession implements Session {

    private final MapSession state;
    private final String storedId;
    private final boolean isNew;
    /** attribute name → new value, or null where the request removed it */
    private final Map<String, Object> changes = new HashMap<>();

    private GridSession(MapSession state, String storedId, boolean isNew) {
        this.state = state;
        this.storedId = storedId;
        this.isNew = isNew;
        state.setSessionIdGenerator(UuidSessionIdGenerator.getInstance());
    }

    static GridSession created(Duration maxInactiveInterval) {
        MapSession state = new MapSession(UuidSessionIdGenerator.getInstance());
        state.setMaxInactiveInterval(maxInactiveInterval);
        return new GridSession(state, state.getId(), true);
    }

    static GridSession loaded(MapSession stored) {
        return new GridSession(new MapSession(stored), stored.getId(), false);
    }

    /** Not in the grid yet. */
    boolean isNew() {
        return isNew;
    }

    /** The id it is stored under (before a {@link #changeSessionId()}). */
    String storedId() {
        return storedId;
    }

    /** The whole session, to store under its (new) id. */
    MapSession whole() {
        return new MapSession(state);
    }

    /** What this request changed, to apply to the grid's current copy. */
    Map<String, Object> changes() {
        return changes;
    }

    @Override
    public String getId() {
        return state.getId();
    }

    @Override
    public String changeSessionId() {
        return state.changeSessionId();
    }

    @Override
    public <T> T getAttribute(String name) {
        return state.getAttribute(name);
    }

    @Override
    public Set<String> getAttributeNames() {
        return state.getAttributeNames();
    }

    @Override
    public void setAttribute(String name, Object value) {
        state.setAttribute(name, value);
        changes.put(name, value);
    }

    @Override
    public void removeAttribute(String name) {
        state.removeAttribute(name);
        changes.put(name, null);
    }

    @Override
    public Instant getCreationTime() {
        return state.getCreationTime();
    }

    @Override
    public void setLastAccessedTime(Instant lastAccessedTime) {
        state.setLastAccessedTime(lastAccessedTime);
    }

    @Override
    public Instant getLastAccessedTime() {
        return state.getLastAccessedTime();
    }

    @Override
    public void setMaxInactiveInterval(Duration interval) {
        state.setMaxInactiveInterval(interval);
    }

    @Override
    public Duration getMaxInactiveInterval() {
        return state.getMaxInactiveInterval();
    }

    @Override
    public boolean isExpired() {
        return state.isExpired();
    }
}
