package cn.league.support.outbox;

import cn.league.contracts.EventType;

/** Events only the tests publish. */
final class SampleEvents {

    static final String TOPIC = "league.test.events";

    @EventType("SampleRecorded.v1")
    record SampleRecorded(String name) {
    }

    private SampleEvents() {
    }
}
