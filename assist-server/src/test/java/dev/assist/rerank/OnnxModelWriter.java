package dev.assist.rerank;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * Just enough of the protobuf wire format and of onnx.proto to write small ONNX models in tests,
 * so the real ONNX Runtime path runs without downloading a model. Field numbers are onnx.proto's.
 */
public final class OnnxModelWriter {
    static final int FLOAT = 1;
    static final int INT64 = 7;
    private static final int IR_VERSION = 7;
    private static final int OPSET = 13;
    private static final int ATTRIBUTE_INT = 2;

    private OnnxModelWriter() {
    }

    /** ModelProto {ir_version 1, opset_import 8 {domain 1, version 2}, graph 7}. */
    static byte[] model(Message graph) {
        return new Message()
                .varint(1, IR_VERSION)
                .string(2, "assist-tests")
                .message(8, new Message().string(1, "").varint(2, OPSET))
                .message(7, graph)
                .toBytes();
    }

    /** GraphProto {node 1, name 2, initializer 5, input 11, output 12}: call the adders in any order. */
    static Message graph(String name) {
        return new Message().string(2, name);
    }

    static Message node(String opType, String[] inputs, String output, Message... attributes) {
        Message node = new Message();
        for (String input : inputs) {
            node.string(1, input);
        }
        node.string(2, output).string(3, output + "_node").string(4, opType);
        for (Message attribute : attributes) {
            node.message(5, attribute);
        }
        return node;
    }

    /** AttributeProto {name 1, i 3, type 20}. */
    static Message intAttribute(String name, long value) {
        return new Message().string(1, name).varint(3, value).varint(20, ATTRIBUTE_INT);
    }

    /**
     * ValueInfoProto {name 1, type 2: TypeProto {tensor_type 1: {elem_type 1, shape 2: {dim 1:
     * {dim_value 1 | dim_param 2}}}}}; a dimension is a number or a symbolic name.
     */
    static Message tensor(String name, int elementType, Object... dims) {
        Message shape = new Message();
        for (Object dim : dims) {
            shape.message(1, dim instanceof String param ? new Message().string(2, param)
                    : new Message().varint(1, ((Number) dim).longValue()));
        }
        Message tensorType = new Message().varint(1, elementType).message(2, shape);
        return new Message().string(1, name).message(2, new Message().message(1, tensorType));
    }

    /** TensorProto {dims 1, data_type 2, name 8, raw_data 9} holding int64 values (little-endian). */
    static Message int64Initializer(String name, long[] dims, long... values) {
        ByteBuffer raw = ByteBuffer.allocate(values.length * Long.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        for (long value : values) {
            raw.putLong(value);
        }
        return initializer(name, dims, INT64, raw.array());
    }

    static Message floatInitializer(String name, long[] dims, float... values) {
        ByteBuffer raw = ByteBuffer.allocate(values.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        for (float value : values) {
            raw.putFloat(value);
        }
        return initializer(name, dims, FLOAT, raw.array());
    }

    private static Message initializer(String name, long[] dims, int dataType, byte[] raw) {
        Message tensor = new Message();
        for (long dim : dims) {
            tensor.varint(1, dim);
        }
        return tensor.varint(2, dataType).string(8, name).bytes(9, raw);
    }

    /** One protobuf message being written: fields in the order they are added. */
    static final class Message {
        private static final int VARINT = 0;
        private static final int LENGTH_DELIMITED = 2;
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();

        Message varint(int field, long value) {
            tag(field, VARINT);
            raw(value);
            return this;
        }

        Message bytes(int field, byte[] value) {
            tag(field, LENGTH_DELIMITED);
            raw(value.length);
            out.writeBytes(value);
            return this;
        }

        Message string(int field, String value) {
            return bytes(field, value.getBytes(StandardCharsets.UTF_8));
        }

        Message message(int field, Message value) {
            return bytes(field, value.toBytes());
        }

        /** GraphProto's repeated fields, named. */
        Message node(Message node) {
            return message(1, node);
        }

        Message initializer(Message tensor) {
            return message(5, tensor);
        }

        Message input(Message valueInfo) {
            return message(11, valueInfo);
        }

        Message output(Message valueInfo) {
            return message(12, valueInfo);
        }

        byte[] toBytes() {
            return out.toByteArray();
        }

        private void tag(int field, int wireType) {
            raw((long) field << 3 | wireType);
        }

        private void raw(long value) {
            while ((value & ~0x7FL) != 0) {
                out.write((int) (value & 0x7F | 0x80));
                value >>>= 7;
            }
            out.write((int) value);
        }
    }
}
