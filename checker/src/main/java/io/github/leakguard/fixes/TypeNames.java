package io.github.leakguard.fixes;

import com.google.errorprone.VisitorState;
import com.google.errorprone.fixes.SuggestedFix;
import com.google.errorprone.fixes.SuggestedFixes;
import com.sun.tools.javac.code.Type;
import com.sun.tools.javac.code.TypeTag;

/**
 * A type as a person writes it in the file: simple names, importing what is not imported yet, and
 * type arguments separated by {@code ", "}.
 */
final class TypeNames {

  static String of(Type type, SuggestedFix.Builder fix, VisitorState state) {
    if (type.hasTag(TypeTag.ARRAY)) {
      return of(((Type.ArrayType) type).elemtype, fix, state) + "[]";
    }
    if (type.hasTag(TypeTag.WILDCARD)) {
      Type.WildcardType wildcard = (Type.WildcardType) type;
      return wildcard.isUnbound()
          ? "?"
          : "? "
              + (wildcard.isExtendsBound() ? "extends " : "super ")
              + of(wildcard.type, fix, state);
    }
    if (!type.hasTag(TypeTag.CLASS)) {
      return type.toString();
    }
    StringBuilder name = new StringBuilder(SuggestedFixes.qualifyType(state, fix, type.tsym));
    if (!type.getTypeArguments().isEmpty()) {
      name.append('<');
      for (int i = 0; i < type.getTypeArguments().size(); i++) {
        name.append(i == 0 ? "" : ", ").append(of(type.getTypeArguments().get(i), fix, state));
      }
      name.append('>');
    }
    return name.toString();
  }

  private TypeNames() {}
}
