package cn.league.test;

import java.util.List;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The structure every league service keeps, checked on its compiled classes (ArchUnit): a service's test in its
 * root package extends this and adds nothing. What it forbids:
 * <ul>
 *   <li>depending on another service's code: services share only the platform modules (contracts, support, the
 *       org replica, captcha);</li>
 *   <li>layer packages ({@code web}, {@code store}, {@code controller}, {@code repository}, {@code dto},
 *       {@code service}): a service is packaged by feature, each feature with its own controller and SQL;</li>
 *   <li>cycles between features: one feature may use another's public classes, never both ways;</li>
 *   <li>a feature's {@code internal} package used from outside that feature;</li>
 *   <li>SQL in controllers: they translate HTTP to a call and back.</li>
 * </ul>
 */
public abstract class ServiceStructureContract {

    private static final List<String> SERVICE_PACKAGES = List.of("cn.league.org", "cn.league.member",
            "cn.league.transfer", "cn.league.importing", "cn.league.stats", "cn.league.identity",
            "cn.league.gateway");

    private final String root = getClass().getPackageName();
    private final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(root);

    @Test
    void usesNoOtherServiceCode() {
        String[] others = SERVICE_PACKAGES.stream().filter(other -> !other.equals(root))
                .map(other -> other + "..").toArray(String[]::new);
        noClasses().should().dependOnClassesThat().resideInAnyPackage(others)
                .because("services share only the platform modules; facts travel as events")
                .check(classes);
    }

    @Test
    void isPackagedByFeatureNotByLayer() {
        noClasses().should().resideInAnyPackage(root + ".web..", root + ".store..", root + ".controller..",
                        root + ".repository..", root + ".dto..", root + ".service..")
                .because("each feature package holds its own controller and SQL")
                .allowEmptyShould(true)
                .check(classes);
    }

    @Test
    void featuresDoNotDependOnEachOtherInCircles() {
        slices().matching(root + ".(*)..").should().beFreeOfCycles()
                .allowEmptyShould(true)
                .check(classes);
    }

    @Test
    void aFeaturesInternalsStayInsideIt() {
        slices().matching(root + ".(*)..").should().notDependOnEachOther()
                .ignoreDependency(com.tngtech.archunit.base.DescribedPredicate.alwaysTrue(),
                        com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackages("..internal.."))
                .allowEmptyShould(true)
                .check(classes);
    }

    @Test
    void controllersHoldNoSql() {
        noClasses().that().areAnnotatedWith("org.springframework.web.bind.annotation.RestController")
                .should().dependOnClassesThat().haveFullyQualifiedName("org.springframework.jdbc.core.simple.JdbcClient")
                .because("a controller translates HTTP to a call and back")
                .allowEmptyShould(true)
                .check(classes);
    }
}
