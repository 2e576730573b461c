using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace SocialEconomy.Web.Features.Shared;

/// <summary>A message for one field of a form (by its property name) or, with an empty name, for the whole form.</summary>
public sealed record FieldMessage(string Field, string Message);

/// <summary>
/// What an administration command (governments, departments) answers: done, not found in
/// the signer's reach (a 404, so that ids of other governments reveal nothing), refused
/// with messages for the form, or refused because someone else saved first.
/// </summary>
public sealed class AdminCommandResult
{
    public static AdminCommandResult NotFound { get; } = new() { IsNotFound = true };

    public bool IsNotFound { get; private init; }

    /// <summary>Another administrator saved meanwhile: the page shows what is stored beside what was typed.</summary>
    public bool IsConflict { get; private init; }

    public IReadOnlyList<FieldMessage> Errors { get; private init; } = [];

    public int? Id { get; private init; }

    public bool Succeeded => !IsNotFound && Errors.Count == 0;

    public static AdminCommandResult Ok(int id) => new() { Id = id };

    public static AdminCommandResult Failed(string field, string message) => Failed([new FieldMessage(field, message)]);

    public static AdminCommandResult Failed(IReadOnlyList<FieldMessage> errors) => new() { Errors = errors };

    public static AdminCommandResult Conflicted(string message) => new() { IsConflict = true, Errors = [new FieldMessage(string.Empty, message)] };
}

public static class AdminCommandResultExtensions
{
    /// <summary>Puts each message beside its field of the form bound under <paramref name="prefix"/>.</summary>
    public static void AddErrors(this ModelStateDictionary modelState, AdminCommandResult result, string prefix)
    {
        ArgumentNullException.ThrowIfNull(modelState);
        ArgumentNullException.ThrowIfNull(result);
        foreach (var error in result.Errors)
        {
            modelState.AddModelError(error.Field.Length == 0 ? string.Empty : $"{prefix}.{error.Field}", error.Message);
        }
    }

    /// <summary>
    /// Model binding's own message for a value of the wrong type (a tampered select or hidden
    /// field) is English; the field gets its Korean message instead.
    /// </summary>
    public static void KoreanBindingError(this ModelStateDictionary modelState, string key, string message, params string[] keep)
    {
        ArgumentNullException.ThrowIfNull(modelState);
        if (modelState.TryGetValue(key, out var entry) && entry.Errors.Any(e => !keep.Contains(e.ErrorMessage, StringComparer.Ordinal)))
        {
            entry.Errors.Clear();
            entry.Errors.Add(message);
        }
    }
}
