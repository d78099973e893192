package io.pyhermetic.index.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.pyhermetic.requirement.ProjectName;
import io.pyhermetic.version.Version;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FilenamesTest {
  @ParameterizedTest
  @CsvSource({
    "foo, foo-1.0-py3-none-any.whl, 1.0",
    "foo, foo-1.0-1build-cp312-cp312-linux_x86_64.whl, 1.0",
    "foo-bar, foo_bar-2.0-py3-none-any.whl, 2.0",
    "foo-bar, Foo.Bar-2.0-py3-none-any.whl, 2.0",
    "foo, foo-1.0-py3-none.whl, ",
    "foo, bar-1.0-py3-none-any.whl, ",
    "foo-bar, foo-bar-1.0.tar.gz, 1.0",
    "foo-bar, foo-bar-1.0-1.tar.gz, 1.0-1",
    "21cmfast, 21cmFAST-3.0.0.dev0.tar.gz, 3.0.0.dev0",
    "foo, foo-1.0.zip, 1.0",
    "foo, foo-1.0.tar.Z, 1.0",
    "foo, foo-.tar.gz, ",
    "foo, foo-1.0-py2.7.egg, ",
    "foo, foobar-1.0.tar.gz, ",
    "foo, FOO-1.0.TAR.GZ, 1.0",
    "foo, foo-1.0.TAR.Z, ",
    "foo, Foo-1.0-py3-none-any.WHL, 1.0",
    "foo, foo-1.0-x-py3-none-any.whl, ",
    "foo, foo-1.0-not.a.version.tar.gz, "
  })
  void version(String project, String filename, String expected) {
    assertThat(Filenames.version(ProjectName.of(project), filename))
        .isEqualTo(Optional.ofNullable(expected).map(Version::parse));
  }
}
