package dev.fairlead;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;

@AnalyzeClasses(packages = "dev.fairlead", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTests {

    /** Rules, engines and maths are plain Java so backtests can replay history through the same code. */
    @ArchTest
    static final ArchRule domainIsFreeOfFrameworksAndPersistence = noClasses()
            .that().resideInAPackage("..domain..")
            // package-info only carries module metadata (a named interface), no code runs against it
            .and().doNotHaveSimpleName("package-info")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "org.springframework..", "java.sql..", "javax.sql..", "jakarta.persistence..")
            .as("domain packages do not depend on Spring, JDBC or JPA")
            .allowEmptyShould(true);

    /** A controller is an entry point wired by Spring, not an API for other code to call. */
    @ArchTest
    static final ArchRule controllersAreNotPublic = classes()
            .that().resideInAPackage("..web..")
            .and().areMetaAnnotatedWith(Controller.class)
            .should().notBePublic()
            .as("controllers in web packages are package-private");

    @ArchTest
    static final ArchRule exceptionHandlersAreNotPublic = classes()
            .that().areMetaAnnotatedWith(ControllerAdvice.class)
            .should().notBePublic()
            .as("controller advice is package-private");
}
