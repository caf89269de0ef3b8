'use client';
/** Where the page is: Clusters › <cluster> › <section> › …, each step but the last a link. */
import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { Fragment } from 'react';
import {
  Breadcrumb,
  BreadcrumbItem,
  BreadcrumbLink,
  BreadcrumbList,
  BreadcrumbPage,
  BreadcrumbSeparator,
} from '@/components/ui/breadcrumb';
import { crumbsOf, type ClusterLink } from './nav-model';

export function Breadcrumbs({ clusters }: { clusters: readonly ClusterLink[] }) {
  const crumbs = crumbsOf(usePathname(), clusters);
  return (
    <Breadcrumb data-testid="breadcrumbs">
      <BreadcrumbList>
        {crumbs.map((crumb, i) => (
          <Fragment key={i}>
            {i > 0 ? <BreadcrumbSeparator /> : null}
            <BreadcrumbItem>
              {i === crumbs.length - 1 ? (
                <BreadcrumbPage data-testid="breadcrumb-page">{crumb.label}</BreadcrumbPage>
              ) : crumb.href ? (
                <BreadcrumbLink asChild>
                  <Link href={crumb.href}>{crumb.label}</Link>
                </BreadcrumbLink>
              ) : (
                <span>{crumb.label}</span>
              )}
            </BreadcrumbItem>
          </Fragment>
        ))}
      </BreadcrumbList>
    </Breadcrumb>
  );
}
