namespace NotificationExchange.Api.Services;

/// <summary>
/// Marks a service method that takes its request's wire violations (<see cref="WireValueInterceptor.Violations"/>)
/// into its own validation, so that one answer names every bad field of the request. Such a method must refuse the
/// request, before it changes anything, whenever there are any. Requests to other methods are refused by the
/// interceptor itself.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
internal sealed class MergesWireViolationsAttribute : Attribute;
