package io.pyhermetic.testdata;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The module boundary of the design: no module reaches into another module's {@code internal}
 * packages. A module's test calls {@link #check} on its own compiled main classes; a dependency on
 * a class in an {@code internal} package that the module does not itself contain fails the test and
 * names every such use.
 */
public final class ModuleBoundary {
  private ModuleBoundary() {}

  /** Checks the main classes under {@code target/classes} of the module the test runs in. */
  public static void check() {
    check(Path.of("target", "classes"));
  }

  /** Checks the classes under {@code classesDirectory}, which must exist. */
  public static void check(Path classesDirectory) {
    if (!Files.isDirectory(classesDirectory)) {
      throw new IllegalStateException(
          "no compiled classes at " + classesDirectory.toAbsolutePath());
    }
    JavaClasses own = new ClassFileImporter().importPath(classesDirectory);
    Set<String> ownNames = own.stream().map(JavaClass::getName).collect(Collectors.toSet());
    DescribedPredicate<JavaClass> foreignInternal =
        DescribedPredicate.describe(
            "are in an internal package of another module",
            c ->
                c.getName().startsWith("io.pyhermetic.")
                    && (c.getPackageName().endsWith(".internal")
                        || c.getPackageName().contains(".internal."))
                    && !ownNames.contains(c.getName()));
    noClasses().should().dependOnClassesThat(foreignInternal).check(own);
  }
}
