package dev.markata.plugins.post_template;

import com.hubspot.jinjava.el.ExtendedSyntaxBuilder;
import com.hubspot.jinjava.el.ext.CollectionMembershipOperator;
import com.hubspot.jinjava.el.ext.CollectionNonMembershipOperator;
import com.hubspot.jinjava.el.ext.ExtendedParser;
import com.hubspot.jinjava.el.ext.PowerOfOperator;
import com.hubspot.jinjava.el.ext.StringConcatOperator;
import jinjava.de.odysseus.el.tree.impl.Builder;
import jinjava.de.odysseus.el.tree.impl.Parser;
import jinjava.de.odysseus.el.tree.impl.Parser.ExtensionHandler;
import jinjava.de.odysseus.el.tree.impl.Scanner;
import jinjava.de.odysseus.el.tree.impl.ast.AstBinary;
import jinjava.de.odysseus.el.tree.impl.ast.AstNode;

/**
 * jinjava's expression syntax with some of its binary operators doing what Python's do
 * ({@link PythonOperators}): the parser is jinjava's, only the operator each binary node gets
 * is swapped when the tree is built, so evaluating costs the same as before. Public with a
 * no-argument constructor: the expression factory makes its builder from the class name.
 */
public final class PythonSyntax extends ExtendedSyntaxBuilder {

    private static final long serialVersionUID = 1L;

    public PythonSyntax() {
        super();
    }

    public PythonSyntax(Builder.Feature... features) {
        super(features);
    }

    @Override
    protected Parser createParser(String expression) {
        return new ExtendedParser(this, expression) {
            // ~, **, in and not in are built by their extension handlers, not createAstBinary
            @Override
            protected ExtensionHandler getExtensionHandler(Scanner.Token token) {
                ExtensionHandler handler = super.getExtensionHandler(token);
                AstBinary.Operator operator = token == StringConcatOperator.TOKEN ? StringConcatOperator.OP
                        : token == PowerOfOperator.TOKEN ? PowerOfOperator.OP
                        : token == CollectionMembershipOperator.TOKEN ? CollectionMembershipOperator.OP
                        : token == CollectionNonMembershipOperator.TOKEN ? CollectionNonMembershipOperator.NOT_IN_OP : null;
                if (operator != null && handler != null) {
                    return new ExtensionHandler(handler.getExtensionPoint()) {
                        @Override
                        public AstNode createAstNode(AstNode... children) {
                            return new AstBinary(children[0], children[1], PythonOperators.replacing(operator));
                        }
                    };
                }
                return handler;
            }

            @Override
            protected AstBinary createAstBinary(AstNode left, AstNode right, AstBinary.Operator operator) {
                return super.createAstBinary(left, right, PythonOperators.replacing(operator));
            }
        };
    }
}
