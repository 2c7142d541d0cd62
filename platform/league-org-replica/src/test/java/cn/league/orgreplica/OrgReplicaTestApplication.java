package cn.league.orgreplica;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** A service with nothing but the shared conventions and this jar, to test the replica as a service gets it. */
@SpringBootApplication
public class OrgReplicaTestApplication {
}
