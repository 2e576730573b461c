namespace SocialEconomy.Domain.Planning;

/// <summary>A basic plan's life: 작성중 → 확정 → 종료.</summary>
public enum PlanStatus
{
    Draft,
    Adopted,
    Closed,
}
