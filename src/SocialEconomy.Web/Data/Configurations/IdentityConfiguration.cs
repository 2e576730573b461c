using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SocialEconomy.Domain.Auditing;
using SocialEconomy.Web.Data.Identity;

namespace SocialEconomy.Web.Data.Configurations;

public sealed class AppUserConfiguration : IEntityTypeConfiguration<AppUser>
{
    public void Configure(EntityTypeBuilder<AppUser> builder)
    {
        builder.Property(u => u.DisplayName).HasMaxLength(AppUser.DisplayNameMaxLength).IsRequired();
        builder.Property(u => u.PreviousPasswordHash).HasMaxLength(500);
        builder.HasMany(u => u.Departments).WithOne().HasForeignKey(d => d.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(u => u.LocalGovernment).WithMany().HasForeignKey(u => u.LocalGovernmentId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class UserDepartmentConfiguration : IEntityTypeConfiguration<UserDepartment>
{
    public void Configure(EntityTypeBuilder<UserDepartment> builder)
    {
        builder.HasKey(d => new { d.UserId, d.DepartmentId });
        builder.HasOne(d => d.Department).WithMany().HasForeignKey(d => d.DepartmentId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> builder)
    {
        builder.ToTable("AuditEntries");
        builder.Property(a => a.UserId).HasMaxLength(100);
        builder.Property(a => a.UserName).HasMaxLength(256);
        builder.Property(a => a.IpAddress).HasMaxLength(64);
        builder.Property(a => a.EntityType).HasMaxLength(100);
        builder.Property(a => a.EntityId).HasMaxLength(100);
        builder.Property(a => a.Detail).HasMaxLength(1000);
        builder.HasIndex(a => a.OccurredAtUtc);
        builder.HasIndex(a => new { a.LocalGovernmentId, a.OccurredAtUtc });
        builder.HasOne<Domain.Organization.LocalGovernment>().WithMany().HasForeignKey(a => a.LocalGovernmentId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(a => new { a.UserName, a.OccurredAtUtc });
        builder.HasIndex(a => new { a.EntityType, a.EntityId });
    }
}
