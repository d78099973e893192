/**
 * PEP 440 versions and version specifiers, with the semantics of {@code packaging} 26.x: {@link
 * io.pyhermetic.version.Version}, {@link io.pyhermetic.version.Specifier} and {@link
 * io.pyhermetic.version.SpecifierSet}.
 */
package io.pyhermetic.version;
