package io.github.leakguard.maven;

import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * Everything one analysis needs, gathered by the mojo from the build.
 *
 * @param projectRoot the directory paths in reports are relative to ({@link ProjectRoot})
 * @param basedir the module's directory
 * @param workDir the gate's scratch and report directory ({@code target/leakguard})
 * @param sourceRoots the module's main source roots, generated ones excluded
 * @param generatedRoots compile source roots the build generates (under {@code target}): they
 *     resolve, their findings are not reported
 * @param includes source globs to analyse, relative to a source root; empty means all
 * @param excludes source globs not to analyse
 * @param compiler how the module's build compiles
 * @param encoding the sources' encoding
 * @param classpath the module's compile classpath, its own compiled classes first
 * @param outputDirectory the module's compiled classes, which let the pre-screen drop files
 * @param jdk the JDK whose javac runs the analysis
 * @param errorProneVersion the Error Prone release
 * @param errorProne Error Prone's jars, resolved for that JDK
 * @param checkerJar LeakGuard's checker jar
 * @param toolVersion the plugin's version, for reports
 * @param checks {@code checks} parameter: re-grading and disabling LeakGuard checks
 * @param extraChecks {@code extraChecks} parameter: other Error Prone checks to run
 * @param options the check options
 * @param templateHandlers handlers named in the module's templates ({@code Class::method})
 * @param preScreen whether to run only the files that can produce findings
 */
public record GateRequest(
    Path projectRoot,
    Path basedir,
    Path workDir,
    List<Path> sourceRoots,
    List<Path> generatedRoots,
    List<String> includes,
    List<String> excludes,
    CompilerSettings compiler,
    Charset encoding,
    List<String> classpath,
    Path outputDirectory,
    Jdk jdk,
    String errorProneVersion,
    List<Path> errorProne,
    Path checkerJar,
    String toolVersion,
    String checks,
    String extraChecks,
    CheckOptions options,
    Set<String> templateHandlers,
    boolean preScreen) {}
