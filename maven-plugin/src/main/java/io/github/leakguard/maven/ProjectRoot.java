package io.github.leakguard.maven;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * The one directory every path in findings, baselines and SARIF is relative to, found from the
 * module's own directory so it is the same however Maven was started (from the root, with {@code
 * -pl}, with {@code -f module/pom.xml}, or in the module's directory): the repository (the nearest
 * directory upward holding {@code .git}, a directory or, in a worktree, a file), else the top of
 * the chain of aggregator POMs that list the module, else the module itself.
 */
final class ProjectRoot {
  private ProjectRoot() {}

  static Path of(Path basedir) {
    Path module = basedir.toAbsolutePath().normalize();
    for (Path dir = module; dir != null; dir = dir.getParent()) {
      if (Files.exists(dir.resolve(".git"))) {
        return dir;
      }
    }
    Path top = module;
    for (Path parent = top.getParent(); parent != null; parent = parent.getParent()) {
      if (!listsModule(parent, top)) {
        break;
      }
      top = parent;
    }
    return top;
  }

  /** A path as reports write it: relative to the root, with {@code /}, {@code ..} if outside. */
  static String relative(Path root, Path file) {
    Path relative = root.toAbsolutePath().normalize().relativize(file.toAbsolutePath().normalize());
    return relative.toString().replace('\\', '/');
  }

  /** A report path as a SARIF URI reference: each segment percent-encoded as RFC 3986 asks. */
  static String uri(String relativePath) {
    StringBuilder uri = new StringBuilder();
    for (byte b : relativePath.getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
      char c = (char) (b & 0xff);
      if ((c >= 'a' && c <= 'z')
          || (c >= 'A' && c <= 'Z')
          || (c >= '0' && c <= '9')
          || "-._~/".indexOf(c) >= 0) {
        uri.append(c);
      } else {
        uri.append('%').append(String.format("%02X", b & 0xff));
      }
    }
    return URI.create(uri.toString()).toString();
  }

  /** Whether {@code dir}'s POM names {@code module} in its {@code <modules>} (any profile). */
  private static boolean listsModule(Path dir, Path module) {
    Path pom = dir.resolve("pom.xml");
    if (!Files.isRegularFile(pom)) {
      return false;
    }
    for (String name : modules(pom)) {
      Path listed = dir.resolve(name).toAbsolutePath().normalize();
      if (listed.getFileName() != null && listed.getFileName().toString().endsWith(".xml")) {
        listed = listed.getParent();
      }
      if (module.equals(listed)) {
        return true;
      }
    }
    return false;
  }

  private static List<String> modules(Path pom) {
    List<String> modules = new ArrayList<>();
    try (InputStream in = Files.newInputStream(pom)) {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      factory.setExpandEntityReferences(false);
      NodeList nodes = factory.newDocumentBuilder().parse(in).getElementsByTagName("module");
      for (int i = 0; i < nodes.getLength(); i++) {
        Element module = (Element) nodes.item(i);
        if (module.getParentNode() != null
            && "modules".equals(module.getParentNode().getNodeName())) {
          modules.add(module.getTextContent().trim());
        }
      }
    } catch (IOException | ParserConfigurationException | SAXException e) {
      // An unreadable POM lists nothing: the root stops below it.
    }
    return modules;
  }
}
