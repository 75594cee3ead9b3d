using System.Reflection;
using Google.Protobuf;
using Grpc.AspNetCore.Server.Model;
using Grpc.Core;
using NotificationExchange.Domain.Validation;

namespace NotificationExchange.Api.Services;

/// <summary>
/// Binds each gRPC service as Grpc.AspNetCore's own binder does (it replaces that binder), with one difference: a
/// request whose bytes are not a valid protobuf message of its type is answered INTERNAL "error parsing request", the
/// status gRPC's status-code table prescribes for exactly that case, instead of UNKNOWN with the parser's exception
/// text. grpc-dotnet parses a request before any interceptor runs and reports whatever its deserializer throws as
/// UNKNOWN unless it is an RpcException; the request marshaller is therefore the one place to say otherwise. Bytes that
/// fail only because a string field is not UTF-8 are INVALID_ARGUMENT naming the field instead (see ParsingChecked).
/// </summary>
internal sealed class RequestParsingMethodProvider<TService> : IServiceMethodProvider<TService>
    where TService : class
{
    public const string ParseFailure = "error parsing request";

    public void OnServiceMethodDiscovery(ServiceMethodProviderContext<TService> context)
    {
        // Generated service bases carry [BindServiceMethod(typeof(Service), "BindService")]; the bind method's second
        // parameter is that base type.
        for (var type = typeof(TService); type is not null; type = type.BaseType)
        {
            if (type.GetCustomAttribute<BindServiceMethodAttribute>(inherit: false) is { } bind)
            {
                var bindMethod = bind.BindType.GetMethod(
                    bind.BindMethodName, BindingFlags.Public | BindingFlags.Static, [typeof(ServiceBinderBase), type])
                    ?? throw new InvalidOperationException($"{bind.BindType} has no {bind.BindMethodName}(ServiceBinderBase, {type.Name})");
                bindMethod.Invoke(null, [new Binder(context, type), null]);
                return;
            }
        }
    }

    /// <summary>
    /// The request marshaller of <paramref name="method"/>, refusing unparsable bytes with INTERNAL; unless what broke
    /// them is a string that is not UTF-8 (<see cref="InvalidUtf8Fields"/>), a client's mistake in a field it can fix:
    /// INVALID_ARGUMENT naming each such field, as any other bad value is.
    /// </summary>
    private static Method<TRequest, TResponse> ParsingChecked<TRequest, TResponse>(Method<TRequest, TResponse> method)
        where TRequest : class
        where TResponse : class
    {
        var inner = method.RequestMarshaller;
        var descriptor = (Activator.CreateInstance<TRequest>() as IMessage)?.Descriptor;
        var marshaller = new Marshaller<TRequest>(inner.ContextualSerializer, context =>
        {
            try
            {
                return inner.ContextualDeserializer(context);
            }
            catch (InvalidProtocolBufferException)
            {
                var errors = new ValidationErrors();
                foreach (var violation in descriptor is null ? [] : InvalidUtf8Fields.Find(descriptor, context.PayloadAsReadOnlySequence()))
                {
                    errors.Add(violation.Field, violation.Description);
                }
                try
                {
                    errors.ThrowIfAny();
                }
                catch (ExchangeRuleException refusal)
                {
                    throw RuleViolationInterceptor.ToRpcException(refusal);
                }
                throw new RpcException(new Status(StatusCode.Internal, ParseFailure));
            }
        });
        return new Method<TRequest, TResponse>(method.Type, method.ServiceName, method.Name, marshaller, method.ResponseMarshaller);
    }

    private sealed class Binder(ServiceMethodProviderContext<TService> context, Type serviceBase) : ServiceBinderBase
    {
        public override void AddMethod<TRequest, TResponse>(Method<TRequest, TResponse> method, UnaryServerMethod<TRequest, TResponse>? handler)
        {
            var (invoker, metadata) = Model<UnaryServerMethod<TService, TRequest, TResponse>>(method.Name, [typeof(TRequest), typeof(ServerCallContext)]);
            context.AddUnaryMethod(ParsingChecked(method), metadata, invoker);
        }

        public override void AddMethod<TRequest, TResponse>(Method<TRequest, TResponse> method, ServerStreamingServerMethod<TRequest, TResponse>? handler)
        {
            var (invoker, metadata) = Model<ServerStreamingServerMethod<TService, TRequest, TResponse>>(
                method.Name, [typeof(TRequest), typeof(IServerStreamWriter<TResponse>), typeof(ServerCallContext)]);
            context.AddServerStreamingMethod(ParsingChecked(method), metadata, invoker);
        }

        public override void AddMethod<TRequest, TResponse>(Method<TRequest, TResponse> method, ClientStreamingServerMethod<TRequest, TResponse>? handler)
        {
            var (invoker, metadata) = Model<ClientStreamingServerMethod<TService, TRequest, TResponse>>(
                method.Name, [typeof(IAsyncStreamReader<TRequest>), typeof(ServerCallContext)]);
            context.AddClientStreamingMethod(ParsingChecked(method), metadata, invoker);
        }

        public override void AddMethod<TRequest, TResponse>(Method<TRequest, TResponse> method, DuplexStreamingServerMethod<TRequest, TResponse>? handler)
        {
            var (invoker, metadata) = Model<DuplexStreamingServerMethod<TService, TRequest, TResponse>>(
                method.Name, [typeof(IAsyncStreamReader<TRequest>), typeof(IServerStreamWriter<TResponse>), typeof(ServerCallContext)]);
            context.AddDuplexStreamingMethod(ParsingChecked(method), metadata, invoker);
        }

        /// <summary>
        /// An open delegate to the service's override of the method, and the endpoint metadata Grpc.AspNetCore gives it:
        /// the service type's attributes, then the method's (so that [Authorize] on either applies), then POST only.
        /// </summary>
        private (TDelegate Invoker, List<object> Metadata) Model<TDelegate>(string name, Type[] parameters)
            where TDelegate : Delegate
        {
            var handler = Implementation(name, parameters)
                ?? throw new InvalidOperationException($"{typeof(TService)} has no method {name} overriding {serviceBase}");
            var metadata = new List<object>();
            metadata.AddRange(typeof(TService).GetCustomAttributes(inherit: true));
            metadata.AddRange(handler.GetCustomAttributes(inherit: true));
            metadata.Add(new HttpMethodMetadata(["POST"], acceptCorsPreflight: true));
            return ((TDelegate)Delegate.CreateDelegate(typeof(TDelegate), handler), metadata);
        }

        /// <summary>The public instance method overriding the service base's virtual method (the base's own when not overridden).</summary>
        private MethodInfo? Implementation(string name, Type[] parameters)
        {
            for (var type = typeof(TService); type is not null; type = type.BaseType)
            {
                var method = type.GetMethod(name, BindingFlags.Public | BindingFlags.Instance, parameters);
                if (method is null)
                {
                    return null;
                }
                if (method.IsVirtual && method.GetBaseDefinition().DeclaringType == serviceBase)
                {
                    return method;
                }
            }
            return null;
        }
    }
}
