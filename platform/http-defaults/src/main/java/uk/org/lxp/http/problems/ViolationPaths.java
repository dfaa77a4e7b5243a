package uk.org.lxp.http.problems;

import java.lang.annotation.Annotation;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;

import com.fasterxml.jackson.databind.JsonMappingException;

import uk.org.lxp.http.Violation;

/**
 * Names the field of a failed check as the client knows it: the query, path or header parameter's own name, or the
 * JSON path of a body field ({@code posts[3].fte}), never the Java method and argument names.
 */
final class ViolationPaths {

    private ViolationPaths() {
    }

    static Violation of(ConstraintViolation<?> violation) {
        Iterator<Path.Node> nodes = violation.getPropertyPath().iterator();
        Method method = null;
        List<Path.Node> rest = new ArrayList<>();
        Annotation[] parameterAnnotations = new Annotation[0];
        Class<?> parameterType = null;
        while (nodes.hasNext()) {
            Path.Node node = nodes.next();
            if (node.getKind() == ElementKind.METHOD) {
                method = method(violation.getRootBeanClass(), node.as(Path.MethodNode.class));
            } else if (node.getKind() == ElementKind.PARAMETER && method != null) {
                int index = node.as(Path.ParameterNode.class).getParameterIndex();
                parameterAnnotations = method.getParameterAnnotations()[index];
                parameterType = method.getParameterTypes()[index];
            } else if (node.getKind() != ElementKind.CROSS_PARAMETER) {
                rest.add(node);
            }
        }
        String message = violation.getMessage();
        for (Annotation annotation : parameterAnnotations) {
            if (annotation instanceof QueryParam query) {
                return Violation.query(query.value(), message);
            }
            if (annotation instanceof PathParam path) {
                return Violation.path(path.value(), message);
            }
            if (annotation instanceof HeaderParam header) {
                return Violation.header(header.value(), message);
            }
            if (annotation instanceof BeanParam && !rest.isEmpty()) {
                return beanParameter(parameterType, rest.get(0).getName(), message);
            }
        }
        return Violation.body(jsonPath(rest), message);
    }

    /** A field of a bean parameter (e.g. paging) is reported under its query parameter's name. */
    private static Violation beanParameter(Class<?> bean, String fieldName, String message) {
        try {
            Field field = bean.getDeclaredField(fieldName);
            QueryParam query = field.getAnnotation(QueryParam.class);
            if (query != null) {
                return Violation.query(query.value(), message);
            }
            HeaderParam header = field.getAnnotation(HeaderParam.class);
            if (header != null) {
                return Violation.header(header.value(), message);
            }
        } catch (NoSuchFieldException notAField) {
            // A bean property checked through a method: its name is the best there is.
        }
        return Violation.query(fieldName, message);
    }

    private static String jsonPath(List<Path.Node> nodes) {
        StringBuilder path = new StringBuilder();
        for (Path.Node node : nodes) {
            if (node.getIndex() != null && path.length() > 0) {
                path.append('[').append(node.getIndex()).append(']');
            }
            if (node.getName() == null || node.getKind() == ElementKind.CONTAINER_ELEMENT) {
                continue;
            }
            if (path.length() > 0) {
                path.append('.');
            }
            path.append(node.getName());
        }
        return path.length() == 0 ? "(body)" : path.toString();
    }

    static String jsonPath(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference reference : e.getPath()) {
            if (reference.getFieldName() != null) {
                if (path.length() > 0) {
                    path.append('.');
                }
                path.append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.length() == 0 ? "(body)" : path.toString();
    }

    /**
     * The method as the resource declares it, with its parameters' annotations: the highest declaration, since the
     * class validated may be a generated subclass whose override carries none.
     */
    private static Method method(Class<?> type, Path.MethodNode node) {
        Method declared = null;
        for (Class<?> candidate = type; candidate != null; candidate = candidate.getSuperclass()) {
            try {
                declared = candidate.getDeclaredMethod(node.getName(), node.getParameterTypes().toArray(Class<?>[]::new));
            } catch (NoSuchMethodException e) {
                // Declared higher up, or not at this level.
            }
        }
        return declared;
    }
}
