package cn.league.org.school;

import java.time.LocalDate;
import java.time.ZoneId;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.league.org.support.OrgApi;

/** The school API tests' common start: the running service, its API as the test people, and a fresh school tree. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
abstract class SchoolTreeApiTest {

    /** Next year: the yearly conversion of this year's marks, run by another test, never touches these. */
    static final int NEXT_YEAR = LocalDate.now(ZoneId.of("Asia/Shanghai")).getYear() + 1;

    @Value("${local.server.port}")
    int port;
    @Autowired
    JdbcClient jdbc;

    OrgApi api;
    SchoolTree tree;

    @BeforeEach
    void tree() {
        api = new OrgApi(port, jdbc);
        tree = SchoolTree.create(api);
    }
}
