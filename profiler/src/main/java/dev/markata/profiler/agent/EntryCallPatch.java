package dev.markata.profiler.agent;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Adds, at the start of one instance method of a class file, a reflective call of a public
 * static method {@code note(Object, Throwable)} of a class the system class loader finds,
 * with {@code this} and the method's first argument; whatever that call throws is caught and
 * dropped, and the method's own code runs after it as before.
 *
 * <p>Reflective, because the patched class is the JDK's {@code java.lang.Thread}: code there
 * resolves names through the boot loader alone, and putting a class of the agent's on the boot
 * class path made the JVM turn class-data sharing off for every other class, with a warning
 * on the program's standard output ("Sharing is only supported for boot loader classes
 * because bootstrap classpath has been appended"). Core reflection needs no module to read
 * another, so nothing else changes for the program.
 *
 * <p>Written by hand so that the profiler keeps its one dependency; it handles only what it
 * needs to be right about: a method with no branch (no {@code StackMapTable}, so the inserted
 * bytes shift no jump, switch or frame) and no exception table, with only line and
 * local-variable tables besides. Anything else is left alone ({@link #apply} returns null).
 */
final class EntryCallPatch {

    private static final int ACC_STATIC = 0x0008;

    private EntryCallPatch() {
    }

    /**
     * The class file with {@code Class.forName(target).getMethod("note", Object.class,
     * Throwable.class).invoke(null, this, firstArgument)} called on entry to {@code method
     * descriptor}, inside a catch of everything; {@code classFile} itself when it already names
     * {@code target} (patched before: a transformer that re-applies the patch after another
     * agent's retransformation must not add a second call where the other agent's class file
     * still had the first); null when the class has no such instance method or its code is not
     * straight-line.
     */
    static byte[] apply(byte[] classFile, String method, String descriptor, String target) {
        try {
            return patch(ByteBuffer.wrap(classFile), classFile, method, descriptor, target);
        } catch (RuntimeException | IOException e) { // a class file this reader does not understand
            return null;
        }
    }

    private static byte[] patch(ByteBuffer in, byte[] classFile, String method, String descriptor, String target)
            throws IOException {
        if (in.getInt() != 0xCAFEBABE) {
            return null;
        }
        in.getInt(); // minor and major version
        int countAt = in.position();
        int count = u2(in);
        String[] utf8 = new String[count];
        for (int i = 1; i < count; i++) {
            int tag = in.get() & 0xFF;
            switch (tag) {
                case 1 -> {
                    byte[] bytes = new byte[u2(in)];
                    in.get(bytes);
                    utf8[i] = new String(bytes, StandardCharsets.ISO_8859_1); // compared with ASCII names only
                }
                case 3, 4, 9, 10, 11, 12, 17, 18 -> skip(in, 4);
                case 5, 6 -> {
                    skip(in, 8);
                    i++; // takes two entries
                }
                case 7, 8, 16, 19, 20 -> skip(in, 2);
                case 15 -> skip(in, 3);
                default -> {
                    return null;
                }
            }
        }
        int poolEnd = in.position();
        if (Arrays.asList(utf8).contains(target)) {
            return classFile;
        }
        skip(in, 6); // access flags, this class, super class
        skip(in, 2 * u2(in)); // interfaces
        for (int fields = u2(in); fields > 0; fields--) {
            skip(in, 6);
            skipAttributes(in);
        }
        int codeAt = -1;
        for (int methods = u2(in); methods > 0 && codeAt < 0; methods--) {
            int access = u2(in);
            boolean wanted = method.equals(utf8[u2(in)]) & descriptor.equals(utf8[u2(in)]);
            for (int attributes = u2(in); attributes > 0; attributes--) {
                int at = in.position();
                String name = utf8[u2(in)];
                int length = in.getInt();
                if (wanted && (access & ACC_STATIC) == 0 && "Code".equals(name)) {
                    codeAt = at;
                }
                skip(in, length);
            }
        }
        if (codeAt < 0) {
            return null;
        }

        Pool pool = new Pool(count);
        ByteArrayOutputStream callBytes = new ByteArrayOutputStream();
        DataOutputStream call = new DataOutputStream(callBytes);
        ldc(call, pool.string(target));
        call.writeByte(0x04); // iconst_1: initialize
        invoke(call, 0xb8, pool.method("java/lang/ClassLoader", "getSystemClassLoader", "()Ljava/lang/ClassLoader;"));
        invoke(call, 0xb8, pool.method("java/lang/Class", "forName",
                "(Ljava/lang/String;ZLjava/lang/ClassLoader;)Ljava/lang/Class;"));
        ldc(call, pool.string("note"));
        array(call, pool.classRef("java/lang/Class"));
        element(call, 0x03, () -> ldc(call, pool.classRef("java/lang/Object")));
        int throwable = pool.classRef("java/lang/Throwable");
        element(call, 0x04, () -> ldc(call, throwable));
        invoke(call, 0xb6, pool.method("java/lang/Class", "getMethod",
                "(Ljava/lang/String;[Ljava/lang/Class;)Ljava/lang/reflect/Method;"));
        call.writeByte(0x01); // aconst_null: a static method
        array(call, pool.classRef("java/lang/Object"));
        element(call, 0x03, () -> call.writeByte(0x2a)); // aload_0
        element(call, 0x04, () -> call.writeByte(0x2b)); // aload_1
        invoke(call, 0xb6, pool.method("java/lang/reflect/Method", "invoke",
                "(Ljava/lang/Object;[Ljava/lang/Object;)Ljava/lang/Object;"));
        call.writeByte(0x57); // pop the result
        int tryEnd = call.size();
        call.writeByte(0xa7); // goto past the handler
        call.writeShort(4);
        int handler = call.size();
        call.writeByte(0x57); // the handler: pop what was thrown
        int inserted = call.size();
        int stackMapName = pool.utf8("StackMapTable");
        if (handler > 63) {
            return null; // the frames below are written in their short forms
        }

        in.position(codeAt);
        int nameIndex = u2(in);
        int codeAttributeEnd = in.getInt() + in.position();
        int maxStack = u2(in);
        int maxLocals = u2(in);
        byte[] code = new byte[in.getInt()];
        in.get(code);
        if (u2(in) != 0 || maxLocals < 2) { // an exception table, or no first argument
            return null;
        }
        ByteArrayOutputStream tableBytes = new ByteArrayOutputStream();
        DataOutputStream tables = new DataOutputStream(tableBytes);
        int attributes = u2(in);
        for (int a = 0; a < attributes; a++) {
            int name = u2(in);
            int size = in.getInt();
            tables.writeShort(name);
            tables.writeInt(size);
            int entries = u2(in);
            tables.writeShort(entries);
            switch (String.valueOf(utf8[name])) {
                case "LineNumberTable" -> {
                    for (int e = 0; e < entries; e++) {
                        int start = u2(in);
                        tables.writeShort(start == 0 ? 0 : start + inserted); // the call counts to the first line
                        tables.writeShort(u2(in));
                    }
                }
                case "LocalVariableTable", "LocalVariableTypeTable" -> {
                    for (int e = 0; e < entries; e++) {
                        int start = u2(in);
                        int length = u2(in);
                        tables.writeShort(start == 0 ? 0 : start + inserted);
                        tables.writeShort(start == 0 ? length + inserted : length);
                        tables.writeShort(u2(in));
                        tables.writeShort(u2(in));
                        tables.writeShort(u2(in));
                    }
                }
                default -> {
                    return null; // a StackMapTable (branches), type annotations: not handled
                }
            }
        }
        if (in.position() != codeAttributeEnd) {
            return null;
        }
        // two frames: the handler (the method's arguments, the caught Throwable on the stack)
        // and the method's own first instruction, where the call and the handler meet
        tables.writeShort(stackMapName);
        tables.writeInt(2 + 4 + 1);
        tables.writeShort(2);
        tables.writeByte(64 + handler); // same_locals_1_stack_item_frame
        tables.writeByte(7); // Object_variable_info
        tables.writeShort(throwable);
        tables.writeByte(inserted - handler - 1); // same_frame

        ByteArrayOutputStream result = new ByteArrayOutputStream(classFile.length + 1024);
        DataOutputStream file = new DataOutputStream(result);
        file.write(classFile, 0, countAt);
        file.writeShort(pool.count);
        file.write(classFile, countAt + 2, poolEnd - countAt - 2);
        pool.bytes.writeTo(file);
        file.write(classFile, poolEnd, codeAt - poolEnd);
        file.writeShort(nameIndex);
        file.writeInt(2 + 2 + 4 + inserted + code.length + 2 + 8 + 2 + tableBytes.size());
        file.writeShort(Math.max(maxStack, 6)); // the call's deepest: Class, String, Class[], Class[], int, Class
        file.writeShort(maxLocals);
        file.writeInt(inserted + code.length);
        callBytes.writeTo(file);
        file.write(code);
        file.writeShort(1); // the exception table: the call, any throwable
        file.writeShort(0);
        file.writeShort(tryEnd);
        file.writeShort(handler);
        file.writeShort(0);
        file.writeShort(attributes + 1);
        tableBytes.writeTo(file);
        file.write(classFile, codeAttributeEnd, classFile.length - codeAttributeEnd);
        file.flush();
        return result.toByteArray();
    }

    /** Constant-pool entries appended after the class's own, numbered from its count on. */
    private static final class Pool {
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        final DataOutputStream out = new DataOutputStream(bytes);
        int count;

        Pool(int count) {
            this.count = count;
        }

        int utf8(String value) throws IOException {
            out.writeByte(1);
            out.writeUTF(value);
            return count++;
        }

        int string(String value) throws IOException {
            int text = utf8(value);
            out.writeByte(8);
            out.writeShort(text);
            return count++;
        }

        int classRef(String internalName) throws IOException {
            int name = utf8(internalName);
            out.writeByte(7);
            out.writeShort(name);
            return count++;
        }

        int method(String owner, String name, String descriptor) throws IOException {
            int ownerClass = classRef(owner);
            int nameIndex = utf8(name);
            int descriptorIndex = utf8(descriptor);
            out.writeByte(12);
            out.writeShort(nameIndex);
            out.writeShort(descriptorIndex);
            int nameAndType = count++;
            out.writeByte(10);
            out.writeShort(ownerClass);
            out.writeShort(nameAndType);
            return count++;
        }
    }

    private interface Push {
        void run() throws IOException;
    }

    private static void ldc(DataOutputStream code, int index) throws IOException {
        code.writeByte(0x13); // ldc_w
        code.writeShort(index);
    }

    private static void invoke(DataOutputStream code, int opcode, int method) throws IOException {
        code.writeByte(opcode);
        code.writeShort(method);
    }

    /** {@code iconst_2; anewarray type}: a two-element array. */
    private static void array(DataOutputStream code, int type) throws IOException {
        code.writeByte(0x05);
        code.writeByte(0xbd);
        code.writeShort(type);
    }

    /** {@code dup; iconst_i; <value>; aastore}. */
    private static void element(DataOutputStream code, int indexConstant, Push value) throws IOException {
        code.writeByte(0x59);
        code.writeByte(indexConstant);
        value.run();
        code.writeByte(0x53);
    }

    private static int u2(ByteBuffer in) {
        return in.getShort() & 0xFFFF;
    }

    private static void skip(ByteBuffer in, int bytes) {
        in.position(in.position() + bytes);
    }

    private static void skipAttributes(ByteBuffer in) {
        for (int attributes = u2(in); attributes > 0; attributes--) {
            skip(in, 2);
            skip(in, in.getInt());
        }
    }
}
