package io.github.leakguard.analysis.release;

import com.google.errorprone.VisitorState;
import com.sun.tools.javac.code.Type;
import com.sun.tools.javac.code.Types;
import org.jspecify.annotations.Nullable;

/** Subtype tests on erasures, where either type may be missing from the classpath. */
final class Subtypes {

  static boolean isSubtype(@Nullable Type type, @Nullable Type supertype, VisitorState state) {
    if (type == null || supertype == null) {
      return false;
    }
    Types types = state.getTypes();
    return types.isSubtype(types.erasure(type), types.erasure(supertype));
  }

  private Subtypes() {}
}
