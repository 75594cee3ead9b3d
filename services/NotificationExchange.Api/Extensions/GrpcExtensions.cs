using Grpc.AspNetCore.Server.Model;
using Microsoft.Extensions.DependencyInjection.Extensions;
using NotificationExchange.Api.Audit;
using NotificationExchange.Api.Services;
using NotificationExchange.Domain.Storage;

namespace NotificationExchange.Api.Extensions;

internal static class GrpcExtensions
{
    public static IHostApplicationBuilder AddExchangeGrpc(this IHostApplicationBuilder builder)
    {
        builder.Services.AddGrpc(options =>
        {
            // outermost first: the audit records the status the client gets, after the refusals of the wire check
            // below are turned into statuses by the rule violations' interceptor
            options.Interceptors.Add<AuditInterceptor>();
            options.Interceptors.Add<RuleViolationInterceptor>();
            options.Interceptors.Add<WireValueInterceptor>();
            options.EnableDetailedErrors = builder.Environment.IsDevelopment();
        });
        // LoadCatalogue carries a catalogue file of up to 64 MiB; every other service keeps the 4 MB default.
        builder.Services.AddGrpc().AddServiceOptions<ObjectRegistryGrpcService>(options => options.MaxReceiveMessageSize = ObjectRegistryGrpcService.MaxReceiveMessageSize);
        builder.Services.AddSingleton<IEventRenderer, EventMessages>();
        builder.Services.AddSingleton<ConverseHandler>();
        builder.Services.AddGrpcReflection();
        builder.Services.AddGrpcHealthChecks().AddCheck<StoreHealthCheck>("store");
        // Bind every service with request parsing that answers unparsable bytes with INTERNAL, not UNKNOWN. Last, so
        // that no AddGrpc call above brings Grpc.AspNetCore's own binder back beside it.
        builder.Services.RemoveAll(typeof(IServiceMethodProvider<>));
        builder.Services.AddSingleton(typeof(IServiceMethodProvider<>), typeof(RequestParsingMethodProvider<>));
        return builder;
    }

    public static WebApplication MapExchangeGrpc(this WebApplication app)
    {
        app.MapGrpcService<NotificationGrpcService>();
        app.MapGrpcService<SubscriptionGrpcService>();
        app.MapGrpcService<OperatorGrpcService>();
        app.MapGrpcService<ConsultationGrpcService>();
        app.MapGrpcService<AlertGrpcService>();
        app.MapGrpcService<ObjectRegistryGrpcService>();
        app.MapGrpcService<TransparencyGrpcService>();
        app.MapGrpcService<AuditGrpcService>();
        app.MapGrpcHealthChecksService().AllowAnonymous();
        app.MapGrpcReflectionService().AllowAnonymous();
        return app;
    }
}
